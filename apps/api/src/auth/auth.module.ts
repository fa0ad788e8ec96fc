import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailure } from './login-failure.entity';
import { RefreshToken } from './refresh-token.entity';
import { JWT_SECRET } from './jwt-secret';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken, LoginFailure]),
    JwtModule.registerAsync({ global: true, inject: [JWT_SECRET], useFactory: (secret: string) => ({ secret, signOptions: { algorithm: 'HS256' } }) }),
    UsersModule,
  ],
  controllers: [AuthController],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}
